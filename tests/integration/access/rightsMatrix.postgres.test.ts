import { rightsMatrix } from './rightsMatrixSuite';

rightsMatrix('postgres');
