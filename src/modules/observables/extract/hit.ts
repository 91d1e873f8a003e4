import type { ObservableType } from '../observables.contract.ts';

/** A hit in the normalised text, before overlaps are resolved and offsets mapped back. */
export type RawHit = { type: ObservableType; value: string; start: number; end: number; attributes?: Record<string, string> };

export type Emit = (hit: RawHit) => void;

export type Scanner = (text: string, emit: Emit) => void;
