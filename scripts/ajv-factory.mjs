// The one ajv factory (strict, allErrors, formats, JSON Schema 2020-12). The generator
// compiles schema/ with it into standalone validators; nothing compiles schemas at run time.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export function createAjv(extra = {}) {
  const ajv = new Ajv2020.default({
    strict: true,
    allErrors: true,
    allowUnionTypes: true,
    inlineRefs: false,
    verbose: true,
    code: { source: true, esm: true, lines: true },
    ...extra,
  });
  addFormats.default(ajv);
  // Annotation keywords of schema/daemon/ (CLI flag metadata read by the generator).
  ajv.addVocabulary(['x-flag']);
  return ajv;
}
