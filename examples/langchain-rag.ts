/**
 * Docent as the retriever of a LangChain.js chain: passages with exact offsets go into the prompt of
 * any chat model. Run against a running Docent (`npm start`) and any OpenAI-compatible chat server:
 *
 *   DOCENT_URL=http://127.0.0.1:8787 LLM_BASE_URL=http://127.0.0.1:11434/v1 LLM_MODEL=llama3.2 \
 *     npx tsx examples/langchain-rag.ts "When did China and Mongolia hold a joint exercise?"
 */
import type { Document } from '@langchain/core/documents';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { RunnablePassthrough, RunnableSequence } from '@langchain/core/runnables';
import { ChatOpenAI } from '@langchain/openai';
import { DocentRetriever, type DocentMetadata } from 'docent/langchain';

/** Numbered context blocks that keep where each passage is, so the model's [n] can be traced to characters. */
export const formatContext = (documents: Document<DocentMetadata>[]) =>
  documents.map((doc, i) => `[${i + 1}] ${doc.metadata.source} (characters ${doc.metadata.start}–${doc.metadata.end})\n${doc.pageContent}`).join('\n\n');

const prompt = ChatPromptTemplate.fromMessages([
  ['system', 'Answer only from the numbered context and cite it as [n]. Say "not in the documents" when it is not there.\n\n{context}'],
  ['human', '{question}'],
]);

export function ragChain(retriever: DocentRetriever, model: BaseChatModel) {
  return RunnableSequence.from([{ context: retriever.pipe(formatContext), question: new RunnablePassthrough() }, prompt, model, new StringOutputParser()]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const retriever = new DocentRetriever({ baseUrl: process.env.DOCENT_URL ?? 'http://127.0.0.1:8787', apiKey: process.env.DOCENT_API_KEY, k: 4 });
  const model = new ChatOpenAI({ model: process.env.LLM_MODEL, apiKey: process.env.LLM_API_KEY ?? 'none', configuration: { baseURL: process.env.LLM_BASE_URL } });
  console.log(await ragChain(retriever, model).invoke(process.argv[2] ?? 'When did China and Mongolia hold a joint exercise?'));
}
