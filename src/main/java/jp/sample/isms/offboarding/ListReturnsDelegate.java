package jp.sample.isms.offboarding;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jp.sample.isms.accountrequest.AccountRegister;
import jp.sample.isms.approval.RequestRecords;
import jp.sample.isms.approval.RequestValues;
import jp.sample.isms.asset.InformationAssets;

/**
 * {@code ServiceTask_ListReturns}, 2.3 and 5.1.7: lists what the person is to return — the assets of the
 * 情報資産管理台帳 whose user scope names them, their take-outs not returned (持ち出し台帳) and what the requester
 * added — and the active accounts of the システムアカウント及び付帯情報管理台帳 to delete; the product account is
 * disabled at the end of the last working day.
 */
@Component
class ListReturnsDelegate implements JavaDelegate {

  static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final InformationAssets assets;
  private final AccountRegister accounts;
  private final JdbcTemplate jdbc;
  private final OffboardingRegister register;
  private final RequestRecords records;

  private final java.time.ZoneId zone;

  ListReturnsDelegate(InformationAssets assets, AccountRegister accounts, JdbcTemplate jdbc,
      OffboardingRegister register, RequestRecords records, java.time.ZoneId zone) {
    this.zone = zone;
    this.assets = assets;
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.register = register;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String target = RequestValues.string(execution, OffboardingProcess.TARGET_USER_ID);
    LocalDate lastDay = RequestValues.date(execution.getVariable(OffboardingProcess.LAST_WORKING_DAY));
    List<String> items = new ArrayList<>();
    assets.all().stream().filter(a -> !a.retired() && a.userPersons().contains(target))
        .forEach(a -> items.add("情報資産 " + a.assetId() + " " + a.name() + " (保管場所: " + a.location() + ")"));
    jdbc.queryForList("select business_key, asset_description, planned_return_date from takeout_register "
        + "where requester = ? and status = 'APPROVED' order by business_key", target)
        .forEach(row -> items.add("未返却の持ち出し " + row.get("BUSINESS_KEY") + " " + row.get("ASSET_DESCRIPTION")
            + " (返却予定日 " + row.get("PLANNED_RETURN_DATE") + ")"));
    String other = RequestValues.string(execution, OffboardingProcess.OTHER_ITEMS_TO_RETURN);
    if (other != null) {
      items.add("その他: " + other);
    }
    List<String> accountLines = accounts.forUser(target).stream()
        .filter(a -> AccountRegister.ACTIVE.equals(a.status()))
        .map(a -> a.system() + " " + a.accountId()).toList();
    String returnItems = items.isEmpty() ? "台帳に返却させるものはありません" : String.join("\n", items);
    execution.setVariable(OffboardingProcess.RETURN_ITEMS, returnItems);
    execution.setVariable(OffboardingProcess.ACCOUNTS_TO_DELETE,
        accountLines.isEmpty() ? "台帳に有効なアカウントはありません" : String.join("\n", accountLines));
    execution.setVariable(OffboardingProcess.DISABLE_AT,
        Date.from(lastDay.atTime(END_OF_DAY).atZone(zone).toInstant()));
    register.listed(records.businessKey(execution), execution.getProcessInstanceId(), records.requester(execution),
        target, lastDay, returnItems);
  }
}
