// Bounds the MCP layer sets itself (not configurable).

/**
 * Largest resource served (text or binary), and the largest OGC response read:
 * whole outputs, not unbounded ones. Room for a 50 MB output with its JSON
 * around it (the benchmark's case), which the bridge handles within about two
 * copies (util/memory.ts).
 */
export const MAX_RESOURCE_BYTES = 64 * 1024 * 1024;
