import { z } from 'zod';

// Zod's built-in messages in Russian for every schema of the contract, on both sides.
z.config(z.locales.ru());

export { z };
