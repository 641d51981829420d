package jp.sample.isms.organisation;

import java.util.List;

/**
 * What an import did: departments and sections written (added or renamed), persons created (without a usable
 * password), persons that existed already (left as they are: moves and role changes go through 人事異動), and persons
 * of the organisation the file no longer lists (reported, never deleted: leavers go through offboarding).
 */
public record ImportReport(String source, int departments, int sections, List<String> createdPersons,
    List<String> existingPersons, List<String> missingPersons) {
}
