// The custom fetch every orval-generated call goes through: the base URL, the token and
// X-Org-Id, set once for all calls (orval reads neither the spec's servers nor its schemes).
const baseUrl = process.env.PROJEKT_BASE_URL ?? "https://projekt.3xa.es/api";

export const projektFetch = async <T>(url: string, options: RequestInit): Promise<T> => {
  const headers = new Headers(options.headers);
  headers.set("Authorization", `Bearer ${process.env.PROJEKT_API_KEY ?? ""}`);
  headers.set("X-Org-Id", process.env.PROJEKT_ORG_ID ?? "");
  const response = await fetch(`${baseUrl}${url}`, { ...options, headers });
  const text = [204, 205, 304].includes(response.status) ? "" : await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  return { data, status: response.status, headers: response.headers } as T;
};
