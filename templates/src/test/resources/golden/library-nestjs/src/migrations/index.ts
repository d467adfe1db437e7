/** Every migration, in order. */
import { Initial1700000000001 } from "./0001-initial.js";

export const MIGRATIONS = [Initial1700000000001];
