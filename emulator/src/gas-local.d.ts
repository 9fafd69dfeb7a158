declare module 'gas-local' {
  const gas: {
    require(
      folder: string,
      globals?: Record<string, unknown>,
      options?: { filter?: (file: string) => boolean },
    ): Record<string, unknown>;
  };
  export default gas;
}
