/** The protocol era a Server instance serves: 2025-11-25 and older (initialize), or 2026-07-28 (server/discover). */
export type ProtocolEra = 'legacy' | 'modern';
