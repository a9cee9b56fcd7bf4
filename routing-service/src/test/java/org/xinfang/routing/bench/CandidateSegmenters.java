package org.xinfang.routing.bench;

import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.SegToken;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.xinfang.routing.domain.reading.HanlpSegmenter;
import org.xinfang.routing.domain.reading.Segmenter;
import org.xinfang.routing.domain.reading.Word;

/** The segmenters measured against each other for docs/reading-chinese.md, by the names the comparison takes. */
final class CandidateSegmenters {

    static final List<String> NAMES = List.of("hanlp-dictionary", "hanlp-viterbi", "jieba", "smartcn");

    private CandidateSegmenters() {
    }

    static Supplier<Segmenter> named(String name) {
        return switch (name) {
            case "hanlp-dictionary" -> HanlpSegmenter::dictionary;
            case "hanlp-viterbi" -> HanlpSegmenter::viterbi;
            case "jieba" -> Jieba::new;
            case "smartcn" -> Smartcn::new;
            default -> throw new IllegalArgumentException("no segmenter " + name + "; one of " + NAMES);
        };
    }

    /** jieba-analysis 1.0.2, search mode; it gives no part of speech. */
    static final class Jieba implements Segmenter {
        private final JiebaSegmenter jieba = new JiebaSegmenter();

        @Override
        public List<Word> words(String clause) {
            List<Word> words = new ArrayList<>();
            for (SegToken token : jieba.process(clause, JiebaSegmenter.SegMode.SEARCH)) {
                if (!token.word.isBlank()) {
                    words.add(new Word(token.word, null));
                }
            }
            return words;
        }

        @Override
        public String name() {
            return "jieba-analysis 1.0.2";
        }
    }

    /** Lucene smartcn 9.12.2's HMM tokenizer (one per thread: Lucene tokenizers are not shared); no part of speech. */
    static final class Smartcn implements Segmenter {
        private final ThreadLocal<HMMChineseTokenizer> tokenizer = ThreadLocal.withInitial(HMMChineseTokenizer::new);

        @Override
        public List<Word> words(String clause) {
            HMMChineseTokenizer t = tokenizer.get();
            List<Word> words = new ArrayList<>();
            try {
                t.setReader(new StringReader(clause));
                OffsetAttribute offset = t.addAttribute(OffsetAttribute.class);
                t.reset();
                while (t.incrementToken()) {
                    String word = clause.substring(offset.startOffset(), offset.endOffset());
                    if (!word.isBlank()) {
                        words.add(new Word(word, null));
                    }
                }
                t.end();
                t.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return words;
        }

        @Override
        public String name() {
            return "Lucene smartcn 9.12.2";
        }
    }
}
