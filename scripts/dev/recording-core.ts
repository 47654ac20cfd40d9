import type { Core, Summary } from '../lib/step/types.js'

export interface CoreMessage {
  level: 'debug' | 'info' | 'notice' | 'warning' | 'error' | 'failed'
  message: string
}

/** A stand-in for @actions/core that records what a step said, set and wrote. */
export class RecordingCore implements Core {
  messages: CoreMessage[] = []
  outputs: Record<string, string> = {}
  secrets: string[] = []
  failed: string | null = null
  summaryText = ''
  private pending = ''

  debug = (message: string) => void this.messages.push({ level: 'debug', message })
  info = (message: string) => void this.messages.push({ level: 'info', message })
  notice = (message: string) => void this.messages.push({ level: 'notice', message })
  warning = (message: string) => void this.messages.push({ level: 'warning', message })
  error = (message: string) => void this.messages.push({ level: 'error', message })
  setSecret = (secret: string) => void this.secrets.push(secret)
  setFailed = (message: string) => {
    this.failed = message
    this.messages.push({ level: 'failed', message })
  }
  // @actions/core JSON-encodes non-strings; undefined becomes ''
  setOutput = (name: string, value: unknown) => {
    this.outputs[name] =
      value === undefined || value === null
        ? ''
        : typeof value === 'string'
          ? value
          : JSON.stringify(value)
  }

  summary: Summary = {
    addRaw: (text: string, addEOL = false) => {
      this.pending += text + (addEOL ? '\n' : '')
      return this.summary
    },
    write: async () => {
      this.summaryText += this.pending
      this.pending = ''
      return this.summary
    }
  }

  warnings(): string[] {
    return this.messages.filter(m => m.level === 'warning').map(m => m.message)
  }

  all(): string {
    return this.messages.map(m => `${m.level}: ${m.message}`).join('\n')
  }
}
