/**
 * 退職手続き (2.3, 5.1.7): process {@code offboarding}: the materials and equipment to return with the department
 * head's confirmation, a deletion request for every active account of the register, and the product account disabled
 * at the end of the last working day.
 */
package jp.sample.isms.offboarding;
