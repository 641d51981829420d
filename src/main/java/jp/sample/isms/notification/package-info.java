/** Mail to the people of a request (Spring Mail), sent only once the engine's transaction has committed. */
package jp.sample.isms.notification;
