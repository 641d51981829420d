/*
 * The editors of the プロセス設計 page, bundled from npm by the Maven build: bpmn-js (modeler with the Camunda 7
 * properties panel and bpmnlint with the repository's .bpmnlintrc), dmn-js (decision tables) and form-js (editor of
 * the schema version Tasklist renders), plus bpmn-js-differ for the visual diff. The page (../design.js) reaches them
 * as window.IsmsEditors.
 */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';

import BpmnModeler from 'bpmn-js/lib/Modeler';
import BpmnViewer from 'bpmn-js/lib/NavigatedViewer';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaBpmn from 'camunda-bpmn-moddle/resources/camunda.json';
import lintModule from 'bpmn-js-bpmnlint';
import bpmnlintConfig from 'bpmnlintrc';
import {Linter} from 'bpmnlint';
import {diff} from 'bpmn-js-differ';
import DmnModeler from 'dmn-js/lib/Modeler';
import camundaDmn from 'camunda-dmn-moddle/resources/camunda.json';
import {FormEditor, schemaVersion} from '@bpmn-io/form-js-editor';

import {translate, translateModule} from './ja.js';
import {formTranslateModule} from './formJa.js';

/** The BPMN modeler with the Camunda 7 properties panel (in `panel`) and the linter of .bpmnlintrc switched on. */
function bpmnModeler(canvas, panel) {
  return new BpmnModeler({
    container: canvas,
    propertiesPanel: {parent: panel},
    linting: {bpmnlint: bpmnlintConfig, active: true},
    additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule, CamundaBehaviorsModule, lintModule, translateModule],
    moddleExtensions: {camunda: camundaBpmn}
  });
}

/** A read-only diagram (the visual diff). */
function bpmnViewer(canvas) {
  return new BpmnViewer({container: canvas, additionalModules: [translateModule],
    moddleExtensions: {camunda: camundaBpmn}});
}

/** The DMN modeler (decision tables; the DRD and literal expressions as dmn-js has them). */
function dmnModeler(container) {
  return new DmnModeler({
    container,
    common: {additionalModules: [translateModule], moddleExtensions: {camunda: camundaDmn}},
    drd: {additionalModules: [translateModule]},
    decisionTable: {additionalModules: [translateModule]}
  });
}

/**
 * The form editor; `schemaVersion` is the one it writes (Tasklist 7.24 renders with form-js 1.8.7). Japanese where
 * form-js lets it be set (./formJa.js).
 */
function formEditor(container) {
  return new FormEditor({container, additionalModules: [formTranslateModule]});
}

/**
 * bpmnlint with .bpmnlintrc over the definitions of a modeler or viewer: [{element, rule, message, category}].
 */
async function lint(definitions) {
  const linter = new Linter(bpmnlintConfig);
  const reports = await linter.lint(definitions);
  return Object.entries(reports).flatMap(([rule, entries]) => entries.map(entry => ({
    element: entry.id || null, rule, message: entry.message, category: entry.category
  })));
}

/** The elements added, removed, changed (attributes) and moved between two definitions, as id lists. */
function compare(oldDefinitions, newDefinitions) {
  const changes = diff(oldDefinitions, newDefinitions);
  return {
    added: Object.keys(changes._added || {}),
    removed: Object.keys(changes._removed || {}),
    changed: Object.keys(changes._changed || {}),
    layoutChanged: Object.keys(changes._layoutChanged || {}),
    details: changes._changed || {}
  };
}

window.IsmsEditors = {bpmnModeler, bpmnViewer, dmnModeler, formEditor, formSchemaVersion: schemaVersion, lint,
  compare, translate};
