/**
 * Which end of a saliency map a ROAD perturbation removes: `most-relevant-first` (MoRF, the
 * most salient pixels; a faithful map makes the score fall, so lower is better) or
 * `least-relevant-first` (LeRF, the least salient; the score should hold, so higher is better).
 */
export type RoadOrder = 'most-relevant-first' | 'least-relevant-first';
