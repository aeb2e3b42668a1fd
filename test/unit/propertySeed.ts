/**
 * Property tests draw their samples from one fixed seed, so every run of the suite, CI's included,
 * checks the same cases. `PROPERTY_SEED=<n> npm test` draws others; fast-check prints the seed and the
 * path of any failure to replay it.
 */
import fc from 'fast-check';

const seed = Number(process.env.PROPERTY_SEED ?? 20261123);
if (!Number.isInteger(seed)) throw new Error(`PROPERTY_SEED must be an integer, not ${process.env.PROPERTY_SEED}`);
fc.configureGlobal({ seed });
