import { pullSuite } from './pullSuite';

pullSuite(['sqlite']);
