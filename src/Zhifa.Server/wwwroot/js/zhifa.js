// Sign-in and sign-out go through the platform's API from the browser itself, so that the
// session cookie is set on (and cleared from) the browser, not on the server's circuit.
window.zhifa = {
    async signIn(userName, password, twoFactorCode) {
        const response = await fetch('/api/v1/auth/login?useCookies=true', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            credentials: 'same-origin',
            body: JSON.stringify({ userName, password, twoFactorCode: twoFactorCode || null })
        });
        if (response.ok)
            return { ok: true, code: null, detail: null };
        const problem = await response.json().catch(() => ({}));
        return { ok: false, code: problem.code || null, detail: problem.detail || problem.title || null };
    },
    // A key or code shown once, to the clipboard; false where the browser refuses (the text stays selectable).
    async copy(text) {
        try { await navigator.clipboard.writeText(text); return true; } catch { return false; }
    },
    async signOut() {
        await fetch('/api/v1/auth/revoke', { method: 'POST', credentials: 'same-origin' });
    },
    // The phone's position for a grid worker's report: {lat, lon, accuracy} (metres), or {error} with the
    // browser's reason (denied, unavailable, timeout, unsupported); never a rejected promise.
    locate() {
        return new Promise(resolve => {
            if (!navigator.geolocation)
                return resolve({ error: 'unsupported' });
            navigator.geolocation.getCurrentPosition(
                p => resolve({ lat: p.coords.latitude, lon: p.coords.longitude, accuracy: p.coords.accuracy, error: null }),
                e => resolve({ error: e.code === 1 ? 'denied' : e.code === 3 ? 'timeout' : 'unavailable' }),
                { enableHighAccuracy: true, timeout: 15000, maximumAge: 30000 });
        });
    },
    // A page's keyboard shortcuts: keys typed into a field or on a focused control stay there, and an
    // open dialog keeps its own keys; the rest go to the page's OnKey. Answers a handle to stop listening.
    listenKeys(page, keys) {
        const handler = e => {
            if (e.ctrlKey || e.metaKey || e.altKey || !keys.includes(e.key)) return;
            const t = e.target;
            if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'].includes(t.tagName))) return;
            if (document.querySelector('.mud-dialog-container')) return;
            e.preventDefault();
            page.invokeMethodAsync('OnKey', e.key);
        };
        document.addEventListener('keydown', handler);
        return { stop: () => document.removeEventListener('keydown', handler) };
    },
    scrollIntoView(selector) {
        document.querySelector(selector)?.scrollIntoView({ block: 'nearest' });
    }
};
