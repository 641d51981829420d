/**
 * A request's attachments: upload to an open step (format, size and declared kinds checked), listing and download,
 * and the flows' checks that a step's required documents are attached. Built on the kernel's request records; every
 * upload is on the record.
 */
@ApplicationModule(displayName = "Attachments", allowedDependencies = {"approval", "audit", "engine", "organisation"})
package jp.sample.isms.attachment;

import org.springframework.modulith.ApplicationModule;
