/** What the gateway tells the console at start (GET /console/config.json): where people sign in. */
export interface ConsoleConfig {
  oidcAuthority: string
  oidcClientId: string
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/console/config.json', { headers: { Accept: 'application/json' } })
  if (!response.ok) {
    throw new Error(`无法读取工作台配置(${response.status})`)
  }
  return (await response.json()) as ConsoleConfig
}
