package jp.sample.isms.system;

/**
 * An exception that is an ordinary refusal of a user's request (invalid input or a clause that forbids it, answered
 * 400; a step four eyes forbids, 403; a withdrawal that is not the requester's or comes too late, 403/409), not a
 * fault: {@link LogNoise} logs it as one INFO line instead of the engine's ERROR with its stack trace. The kernel's
 * refusals implement it.
 */
public interface OrdinaryRefusal {
}
