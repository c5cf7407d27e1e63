// The tokenizer's fixed ids and the chat format's pieces.
//
// TrainTokenizer pins these ids, so every model file this project trains agrees on them and
// the cortex can name them as constants:
//   0 <unk>  never produced: byte fallback spells any unknown character as UTF-8 bytes;
//   1 <s>    BOS: starts a sequence (the cortex puts it before a conversation);
//   2 </s>   EOS: ends a sequence (after a conversation's last guide line);
//   3 <pad>  padding for batches; never in text;
//   4 "U:"   starts a user line; a user-defined piece, so it is always one token;
//   5 "G:"   starts a guide line; the cortex generates after it and stops at the newline
//            that ends the line (the byte piece <0x0A>, Tokenizer::newline_id()).
// The 256 byte pieces <0x00>..<0xFF> follow, then the learnt BPE merges.
// Encode() never inserts <s> or </s>: the caller adds them where its format wants them.
#ifndef BRAINHOST_REGIONS_TOKENIZER_SPECIAL_TOKENS_H
#define BRAINHOST_REGIONS_TOKENIZER_SPECIAL_TOKENS_H

namespace brainhost::regions {

inline constexpr int kUnkId = 0;
inline constexpr int kBosId = 1;
inline constexpr int kEosId = 2;
inline constexpr int kPadId = 3;
inline constexpr int kUserTurnId = 4;
inline constexpr int kGuideTurnId = 5;
inline constexpr const char* kUserTurnPiece = "U:";
inline constexpr const char* kGuideTurnPiece = "G:";

}  // namespace brainhost::regions

#endif  // BRAINHOST_REGIONS_TOKENIZER_SPECIAL_TOKENS_H
