/**
 * Keeps one object of a shape alive for the life of the program.
 *
 * V8 gives objects built the same way a shared hidden class (a "map"), and builds the optimised code of a hot loop
 * for the maps it has met. A map lives only while some object has it. When a formula call returns and the runtime,
 * idle until the next recalculation, collects everything the call made, the maps of the call's objects go too, and
 * every loop's optimised code with them: each call then ran its first rows unoptimised, met new maps and compiled
 * its loops again. An exemplar made by the same constructor or factory, at module load, has the map the call's
 * objects will have, and keeps it (and the code built for it) alive between calls.
 */
const exemplars: object[] = [];

export function keepShape<T extends object>(exemplar: T): T {
  exemplars.push(exemplar);
  return exemplar;
}
