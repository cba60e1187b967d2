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
    async signOut() {
        await fetch('/api/v1/auth/revoke', { method: 'POST', credentials: 'same-origin' });
    }
};
