import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';

/**
 * LangChain's recursive splitter keeps a separator at the start of the next piece
 * (". Next sentence"); sentence punctuation belongs to the end of the previous one.
 */
export class SentenceFriendlySplitter extends RecursiveCharacterTextSplitter {
  override splitOnSeparator(text: string, separator: string): string[] {
    if (!separator) return super.splitOnSeparator(text, separator);
    const pieces: string[] = [];
    let from = 0;
    for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, at + separator.length)) {
      pieces.push(text.slice(from, at + separator.length));
      from = at + separator.length;
    }
    pieces.push(text.slice(from));
    return pieces.filter((piece) => piece !== '');
  }
}
