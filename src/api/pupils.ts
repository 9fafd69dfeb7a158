/** Sidebar endpoints: see pupils-contract.ts. */
export {};
