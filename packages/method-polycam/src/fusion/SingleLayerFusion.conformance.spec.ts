import { describeFusionConformance } from '@polycam/core/testing';
import { SingleLayerFusion } from '@polycam/method-polycam';

describeFusionConformance('single-layer', () => new SingleLayerFusion());
