import { describeFusionConformance } from '@polycam/core/testing';
import { LayerCamFusion } from '@polycam/method-baselines';

describeFusionConformance('layer-cam-max', () => new LayerCamFusion());
