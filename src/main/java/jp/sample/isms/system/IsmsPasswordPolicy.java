package jp.sample.isms.system;

import java.util.List;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyDigitRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLowerCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicySpecialCharacterRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUpperCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;

/**
 * 5.1.8: at least eight characters with upper case, lower case, digit and symbol, not containing the user's id or
 * name. Enforced by the engine on every create and change (Admin, REST, Java API); Admin shows the rules in Japanese.
 */
class IsmsPasswordPolicy implements PasswordPolicy {

  static final int MIN_LENGTH = 8;

  private final List<PasswordPolicyRule> rules = List.of(
      new PasswordPolicyUserDataRuleImpl(),
      new PasswordPolicyLengthRuleImpl(MIN_LENGTH),
      new PasswordPolicyLowerCaseRuleImpl(1),
      new PasswordPolicyUpperCaseRuleImpl(1),
      new PasswordPolicyDigitRuleImpl(1),
      new PasswordPolicySpecialCharacterRuleImpl(1));

  @Override
  public List<PasswordPolicyRule> getRules() {
    return rules;
  }
}
