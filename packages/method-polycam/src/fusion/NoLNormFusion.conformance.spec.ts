import { describeFusionConformance } from '@polycam/core/testing';
import { NoLNormFusion } from '@polycam/method-polycam';

describeFusionConformance('no-lnorm', () => new NoLNormFusion());
