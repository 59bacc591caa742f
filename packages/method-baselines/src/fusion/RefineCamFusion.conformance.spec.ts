import { describeFusionConformance } from '@polycam/core/testing';
import { RefineCamFusion } from '@polycam/method-baselines';

describeFusionConformance('refine', () => new RefineCamFusion());
