/**
 * Where the background keeps downloaded lists and the serialized engine: IndexedDB, which takes
 * megabytes and stores bytes as they are (storage.local would need base64 and a quota bump).
 */

export interface StoredList {
  text: string;
  checksum: string;
}

export interface StoredEngine {
  key: string;
  bytes: Uint8Array;
}

export interface AutoCleanStore {
  getList(id: string): Promise<StoredList | undefined>;
  putList(id: string, list: StoredList): Promise<void>;
  deleteList(id: string): Promise<void>;
  listIds(): Promise<string[]>;
  getEngine(): Promise<StoredEngine | undefined>;
  putEngine(engine: StoredEngine): Promise<void>;
}

const DB_NAME = 'baca-bersih-autoclean';
const LISTS = 'lists';
const ENGINE = 'engine';
const ENGINE_ID = 'current';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDb(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(DB_NAME, 1);
  req.onupgradeneeded = () => {
    req.result.createObjectStore(LISTS);
    req.result.createObjectStore(ENGINE);
  };
  return request(req);
}

export function indexedDbStore(factory: IDBFactory = indexedDB): AutoCleanStore {
  let db: Promise<IDBDatabase> | null = null;
  const store = async (name: string, mode: IDBTransactionMode) => {
    db ??= openDb(factory).catch((error) => {
      db = null;
      throw error;
    });
    return (await db).transaction(name, mode).objectStore(name);
  };
  return {
    getList: async (id) => request((await store(LISTS, 'readonly')).get(id)),
    putList: async (id, list) =>
      void (await request((await store(LISTS, 'readwrite')).put(list, id))),
    deleteList: async (id) => void (await request((await store(LISTS, 'readwrite')).delete(id))),
    listIds: async () => (await request((await store(LISTS, 'readonly')).getAllKeys())).map(String),
    getEngine: async () => request((await store(ENGINE, 'readonly')).get(ENGINE_ID)),
    putEngine: async (engine) =>
      void (await request((await store(ENGINE, 'readwrite')).put(engine, ENGINE_ID))),
  };
}

/** Same contract in memory, for tests. */
export function memoryStore(): AutoCleanStore & { lists: Map<string, StoredList> } {
  const lists = new Map<string, StoredList>();
  let engine: StoredEngine | undefined;
  return {
    lists,
    getList: async (id) => lists.get(id),
    putList: async (id, list) => void lists.set(id, list),
    deleteList: async (id) => void lists.delete(id),
    listIds: async () => [...lists.keys()],
    getEngine: async () => engine,
    putEngine: async (value) => void (engine = value),
  };
}
