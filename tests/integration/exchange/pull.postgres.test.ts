import { pullSuite } from './pullSuite';

pullSuite(['postgres']);
