/** Sidebar endpoints: see staff-contract.ts. */
export {};
