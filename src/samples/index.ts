/** The bundled sample order export (pure, deterministic): used by `npm run demo`, the tests and the browser preview. */
export {
  SAMPLE_AS_OF,
  SAMPLE_AS_OF_WALL,
  SAMPLE_TIME_ZONE,
  buildSampleOrders,
  wallText,
  type SampleOrder,
  type SampleOddCell,
  type SampleProductLine,
  type SampleScenario,
  type SampleStatus,
} from "./orders";
export {
  sampleSheet,
  sampleReadme,
  sampleCsv,
  csvText,
  type SampleFormatting,
  type SampleLang,
  type SampleReadme,
  type SampleSheet,
} from "./sheet";
