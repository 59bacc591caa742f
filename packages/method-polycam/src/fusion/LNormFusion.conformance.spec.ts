import { describeFusionConformance } from '@polycam/core/testing';
import { LNormFusion } from '@polycam/method-polycam';

describeFusionConformance('lnorm', () => new LNormFusion());
