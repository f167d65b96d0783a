/** `docent/langchain`: Docent as a LangChain.js retriever. */
export { DocentRequestError, DocentRetriever, type DocentMetadata, type DocentRetrieverInput } from './retriever.js';
