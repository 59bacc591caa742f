/** The methods {@link runSanity} checks unless told otherwise: the three Poly-CAM presets. */
export const sanityMethods: readonly string[] = ['pcam+', 'pcam-', 'pcam±'];
