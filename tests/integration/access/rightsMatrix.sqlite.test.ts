import { contractRightsChecks, rightsMatrix } from './rightsMatrixSuite';

// The static checks of the contract run once, here; the matrix runs per database kind in its own file.
contractRightsChecks();
rightsMatrix('sqlite');
