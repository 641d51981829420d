/**
 * 一括承認: an approver approves several open steps of the flows that allow it in one go, each through the kernel
 * exactly as one by one (four eyes, validation, the record).
 */
@ApplicationModule(displayName = "Bulk approval", allowedDependencies = {"approval", "engine"})
package jp.sample.isms.bulkapproval;

import org.springframework.modulith.ApplicationModule;
