interface ImportMetaEnv {
  /** Whether this is the editors' preview: a constant astro.config.mjs defines from WIRECOPY_PREVIEW. */
  readonly WIRECOPY_PREVIEW: boolean;
}
