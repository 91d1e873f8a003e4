// MISP ↔ STIX 2.1 for sharing (M3.2c): MISP events are read into the STIX objects of Koban's one
// import pipeline, Koban's STIX exports are written back as MISP events and as a MISP feed directory.
// Pure converters: no database and no network (writeMispFeed only writes the files it is given).
export { mispEventToStix, type MispToStixOptions, type MispToStixResult } from './event-to-stix.ts';
export { stixToMispEvent, type StixToMispOptions } from './stix-to-event.ts';
export { mispFeedFiles, writeMispFeed } from './feed.ts';
export type { MispProblem, MispProblemCode } from './problems.ts';
export type { MispAttribute, MispEvent, MispGalaxy, MispGalaxyCluster, MispObject, MispOrg, MispTag } from './types.ts';
