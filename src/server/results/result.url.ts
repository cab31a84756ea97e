/** The verification page's address for a signed result: what its QR opens. */
export function verificationUrl(baseUrl: string, dossierCode: string, resultId: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}/xac-thuc?ma=${encodeURIComponent(dossierCode)}&kq=${encodeURIComponent(resultId)}`;
}
