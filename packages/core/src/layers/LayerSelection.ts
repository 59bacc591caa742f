/**
 * Which layers Poly-CAM fuses: `auto` for the automatic discovery that METHOD.md defines, or an
 * explicit list of tensor names (node names are accepted too). An explicit list always overrides
 * discovery; it is put in forward order.
 */
export type LayerSelection = 'auto' | readonly string[];
