package jp.sample.isms.periodicduty;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jp.sample.isms.approval.ValidationErrors;

/**
 * 教育実施記録 (2.4): for each education occurrence every person of the organisation (派遣・パート included: everyone
 * with a place in it), attended or absent, and the follow-up of each absentee; the history of each person.
 */
@Component
public class EducationRegister {

  static final String CLAUSE = "2.4";

  /** One person at one education occurrence. */
  public record Attendance(String businessKey, LocalDate sessionDate, String topic, String userId, boolean attended,
      LocalDate followedUpOn, String followUpNote, String recordedBy) {
  }

  private final JdbcTemplate jdbc;

  EducationRegister(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Everyone who must be trained: every person of the organisation. */
  List<String> people() {
    return jdbc.queryForList("select user_id from org_person order by user_id", String.class);
  }

  /** User ids in a field ({@code yamamoto, kato}). */
  static Set<String> ids(String field) {
    Set<String> ids = new LinkedHashSet<>();
    if (field != null) {
      for (String part : field.split("[,、\\s]+")) {
        if (!part.isBlank()) {
          ids.add(part.strip());
        }
      }
    }
    return ids;
  }

  void validateAbsentees(String absentees, ValidationErrors errors) {
    List<String> people = people();
    List<String> unknown = ids(absentees).stream().filter(id -> !people.contains(id)).toList();
    if (!unknown.isEmpty()) {
      errors.field(PeriodicDutyProcess.ABSENTEES, "組織に登録されていないユーザー ID です: " + unknown);
    }
  }

  /** Records the session for everyone; returns the absentees. */
  List<String> record(String businessKey, LocalDate sessionDate, String topic, Set<String> absentees,
      String recordedBy, OffsetDateTime at) {
    List<String> absent = new ArrayList<>();
    // a session recorded again after a send-back replaces the earlier record of the same occurrence
    jdbc.update("delete from education_attendance where business_key = ?", businessKey);
    for (String person : people()) {
      boolean attended = !absentees.contains(person);
      if (!attended) {
        absent.add(person);
      }
      jdbc.update("""
          insert into education_attendance (business_key, session_date, topic, user_id, attended, recorded_by,
            recorded_at) values (?, ?, ?, ?, ?, ?, ?)
          """, businessKey, Date.valueOf(sessionDate), topic, person, attended, recordedBy,
          Timestamp.from(at.toInstant()));
    }
    return absent;
  }

  /**
   * Records one person trained outside a yearly session, attended on the day: a new hire at hiring (2.4) or a
   * violator re-educated (2.5). {@code businessKey} is the onboarding or incident number; recorded again (after a
   * send-back) it replaces the earlier record of the same person for the same number.
   */
  public void recordPerson(String businessKey, LocalDate trainedOn, String topic, String userId, String recordedBy,
      OffsetDateTime at) {
    String shortTopic = topic.length() > 500 ? topic.substring(0, 500) : topic;
    jdbc.update("delete from education_attendance where business_key = ? and user_id = ?", businessKey, userId);
    jdbc.update("""
        insert into education_attendance (business_key, session_date, topic, user_id, attended, recorded_by,
          recorded_at) values (?, ?, ?, ?, true, ?, ?)
        """, businessKey, Date.valueOf(trainedOn), shortTopic, userId, recordedBy, Timestamp.from(at.toInstant()));
  }

  /** The people of the organisation named in a free text ({@code kobayashi (私物 USB)}), by user id, in order. */
  public List<String> peopleNamedIn(String text) {
    if (text == null) {
      return List.of();
    }
    List<String> people = people();
    Set<String> named = new LinkedHashSet<>();
    for (String part : text.split("[,、\\s()（）:：/・]+")) {
      if (people.contains(part.strip())) {
        named.add(part.strip());
      }
    }
    return List.copyOf(named);
  }

  void followedUp(String businessKey, LocalDate on, String note) {
    jdbc.update("update education_attendance set followed_up_on = ?, follow_up_note = ? "
        + "where business_key = ? and attended = false", Date.valueOf(on), note, businessKey);
  }

  /** A person's education history, newest first. */
  public List<Attendance> history(String userId) {
    return jdbc.query("select * from education_attendance where user_id = ? order by session_date desc, id desc",
        (rs, i) -> attendance(rs), userId);
  }

  /** The people not trained in the period: neither attended nor followed up. */
  public List<String> untrained(LocalDate from, LocalDate to) {
    return jdbc.queryForList("""
        select p.user_id from org_person p where not exists (
          select 1 from education_attendance a where a.user_id = p.user_id and a.session_date between ? and ?
             and (a.attended = true or a.followed_up_on is not null))
         order by p.user_id
        """, String.class, Date.valueOf(from), Date.valueOf(to));
  }

  private static Attendance attendance(java.sql.ResultSet rs) throws java.sql.SQLException {
    Date followed = rs.getDate("followed_up_on");
    return new Attendance(rs.getString("business_key"), rs.getDate("session_date").toLocalDate(),
        rs.getString("topic"), rs.getString("user_id"), rs.getBoolean("attended"),
        followed == null ? null : followed.toLocalDate(), rs.getString("follow_up_note"), rs.getString("recorded_by"));
  }
}
