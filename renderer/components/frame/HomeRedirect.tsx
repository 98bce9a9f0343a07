/**
 * At start (empty hash), go to the first open cluster's overview, as kubectl would use the
 * current context. An explicit "#/" (the "+" button) stays on the picker.
 */
import { useEffect, useRef } from 'react';
import { useClusterHealth } from '../../bridge/useClusterHealth';
import { useNavigate } from '../../routing/useRoute';

export function HomeRedirect() {
  const health = useClusterHealth().value;
  const navigate = useNavigate();
  const startedEmpty = useRef(window.location.hash === '' || window.location.hash === '#');
  useEffect(() => {
    if (!startedEmpty.current || !health || health.length === 0) return;
    startedEmpty.current = false;
    navigate({ view: 'overview', context: health[0].context }, { replace: true });
  }, [health, navigate]);
  return null;
}
