/*
 * Japanese for form-js 1.8.7's editor, which has no translate service (src/form-ja.json): the component names on its
 * form field registry (palette entries, the properties panel's heading, a new field's default label) and the
 * properties panel's group headings through a properties provider that runs after form-js's own. The palette's fixed
 * texts are put in at build time (build.mjs). Entry labels inside the groups, tooltips and the FEEL editors stay in
 * English: form-js renders them as fixed strings.
 */
import FORM_JA from './form-ja.json';

function JapaneseFormLabels(formFields, propertiesPanel) {
  Object.values(formFields._formFields || {}).forEach(field => {
    const config = field && field.config;
    if (config && Object.prototype.hasOwnProperty.call(FORM_JA.fieldTypes, config.label)) {
      config.label = FORM_JA.fieldTypes[config.label];
    }
  });
  const japanese = group => group && Object.prototype.hasOwnProperty.call(FORM_JA.groups, group.label)
    ? Object.assign({}, group, {label: FORM_JA.groups[group.label]}) : group;
  // priority 1: after form-js's own providers (1000), so every group is there to be renamed
  propertiesPanel.registerProvider({getGroups: () => groups => groups.map(japanese)}, 1);
}

JapaneseFormLabels.$inject = ['formFields', 'propertiesPanel'];

export const formTranslateModule = {
  __init__: ['japaneseFormLabels'],
  japaneseFormLabels: ['type', JapaneseFormLabels]
};
