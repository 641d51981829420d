package jp.sample.isms.approval;

/**
 * What the kernel reads from the BPMN of a user task when the process is deployed: its id, name, kind
 * ({@code isms.stepKind}), form and the clauses it enforces ({@code isms.clauses}, else the process's).
 */
record StepDefinition(String processKey, String taskDefinitionKey, String name, StepKind kind, String formRef,
    String clauses) {
}
