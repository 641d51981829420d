package jp.sample.isms.approval;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import jp.sample.isms.IsmsSpringBootTest;

/** The kernel's integrity against whatever reached the engine, on H2 (the scenarios: {@link KernelIntegrityScenarios}). */
@IsmsSpringBootTest
class KernelIntegrityTest extends KernelIntegrityScenarios {

  @Autowired
  ApplicationContext context;

  @Override
  ApplicationContext application() {
    return context;
  }
}
