// The templates of the twelve fact topics (phrasings.h). Every list has at least five entries
// so the every-fifth hold-out leaves both splits something to say. Slots: see render.h.
#include "corpus/phrasings.h"

namespace brainhost::regions {

std::vector<TopicPhrasings> TopicTemplates() {
  std::vector<TopicPhrasings> t(kTopicCount);

  t[kTopicName].tell = {"my name is {name}.", "i'm {name}.", "call me {name}.",
      "the name's {name}.", "people call me {name}.", "i go by {name}.",
      "my name's {name}, nice to meet you.", "you can call me {name}.",
      "i'm {name}, by the way.", "hey, {name} here.", "this is {name}.",
      "my friends call me {name}.", "name's {name}.", "i am {name}.", "{name} is my name."};
  t[kTopicName].ask = {"what's your name?", "what should i call you?", "may i ask your name?",
      "who am i talking to?", "what do people call you?", "and you are?",
      "what's your name, if you don't mind me asking?", "how should i address you?",
      "i didn't catch your name.", "tell me your name?"};
  t[kTopicName].answer = {"{name}.", "it's {name}.", "i'm {name}.", "{name}, nice to meet you.",
      "my name is {name}.", "just call me {name}.", "people call me {name}.", "{name}!",
      "oh, it's {name}.", "the name is {name}."};
  t[kTopicName].ack = {"nice to meet you, {name}!", "hi {name}, lovely to meet you.",
      "{name}, what a nice name.", "great to meet you, {name}.", "hello, {name}!",
      "pleased to meet you, {name}.", "welcome, {name}!", "good to know you, {name}.",
      "{name}! i'll remember that.", "thanks, {name}. nice to meet you.",
      "hey {name}, glad you're here.", "{name}, got it."};
  t[kTopicName].recall = {"what's my name?", "what is my name?", "do you remember my name?",
      "who am i?", "what did i say my name was?", "can you tell me my name?",
      "remind me, what's my name?", "do you know my name?", "what do you call me?",
      "what name did i give you?"};
  t[kTopicName].recall_answer = {"your name is {name}.", "you're {name}.", "{name}!",
      "of course, you're {name}.", "you told me your name is {name}.", "it's {name}.",
      "you said your name was {name}.", "{name}, right?", "you are {name}.",
      "i remember: {name}."};

  t[kTopicJob].tell = {"i'm {a_job}.", "i work as {a_job}.", "i'm {a_job} by trade.",
      "my job? i'm {a_job}.", "i've been working as {a_job} for a while.",
      "i work as {a_job} downtown.", "by day i'm {a_job}.", "i'm {a_job}, actually.",
      "i make a living as {a_job}.", "for work, i'm {a_job}.", "i'm training to be {a_job}.",
      "i just started a new job as {a_job}.", "i'm {a_job} at a small company.",
      "these days i work as {a_job}.", "my job is {job}."};
  t[kTopicJob].ask = {"what do you do for work?", "what's your job?",
      "what do you do for a living?", "where do you work?", "what line of work are you in?",
      "what do you do all day?", "are you working at the moment?", "what's your profession?",
      "what kind of work do you do?", "do you work, or study?"};
  t[kTopicJob].answer = {"i'm {a_job}.", "i work as {a_job}.", "{a_job}.", "i'm {a_job}, mostly.",
      "i'm working as {a_job} right now.", "{job}, for now.", "i'm {a_job} these days.",
      "oh, i'm {a_job}.", "i do {job} work.", "i've been {a_job} for years."};
  t[kTopicJob].ack = {"oh, {a_job}! that sounds interesting.", "{a_job}, nice.",
      "being {a_job} must keep you busy.", "that's great, {job} work matters.",
      "{a_job}? how cool.", "i bet being {a_job} has its moments.",
      "nice, i've always wondered what {a_job} does all day.", "{a_job}, impressive.",
      "oh wow, {a_job}.", "that's a good job, being {a_job}.", "{job}, got it."};
  t[kTopicJob].recall = {"what's my job?", "what do i do for work?", "where do i work?",
      "do you remember my job?", "what did i say i do for a living?", "what's my profession?",
      "remind me what i do?", "what is my job?", "what kind of work do i do?",
      "what do i do all day?"};
  t[kTopicJob].recall_answer = {"you're {a_job}.", "you work as {a_job}.", "{a_job}.",
      "you told me you're {a_job}.", "you're {a_job}, right?", "you said you work as {a_job}.",
      "{job}!", "you work as {a_job}, if i remember right.", "your job is {job}.",
      "you're {a_job}."};

  t[kTopicPet].tell = {"i have {a_pet} named {pet_name}.", "my {pet} is called {pet_name}.",
      "my {pet}'s name is {pet_name}.", "i just adopted {a_pet}, {pet_name}.",
      "we got {a_pet} and named it {pet_name}.", "my {pet} {pet_name} is asleep on my lap.",
      "{pet_name} is my {pet}.", "i live with {a_pet} called {pet_name}.",
      "my {pet} is named {pet_name}.", "there's {a_pet} here called {pet_name}.",
      "i've got {a_pet}, {pet_name}.", "{pet_name}, my {pet}, says hi.",
      "i named my {pet} {pet_name}.", "i rescued {a_pet} named {pet_name}.",
      "my little {pet} {pet_name} is the best."};
  t[kTopicPet].ask = {"do you have any pets?", "any pets at home?", "are you a pet person?",
      "who else lives with you?", "do you have animals at home?", "got any pets?",
      "is there a pet in your life?", "any furry friends?", "do you keep any animals?",
      "do you share your home with a pet?"};
  t[kTopicPet].answer = {"yes, {a_pet} named {pet_name}.", "i have {a_pet}, {pet_name}.",
      "just one, {a_pet} called {pet_name}.", "yep! my {pet} {pet_name}.",
      "{a_pet}. its name is {pet_name}.", "my {pet}, {pet_name}.",
      "i do, {pet_name} the {pet}.", "{pet_name}, my {pet}.", "a very loud {pet} named {pet_name}.",
      "sure, my {pet} is called {pet_name}."};
  t[kTopicPet].ack = {"{pet_name} is a great name for {a_pet}!", "aw, {pet_name} the {pet}!",
      "i love that, {a_pet} named {pet_name}.", "{pet_name}! how cute.",
      "say hi to {pet_name} for me.", "{a_pet} called {pet_name}, lovely.",
      "{pet_name} sounds adorable.", "what a sweet name for {a_pet}.",
      "{pet_name}! i bet your {pet} is spoiled.", "oh, a {pet}! {pet_name} is a fun name."};
  t[kTopicPet].recall = {"what's my {pet}'s name?", "what is my {pet} called?",
      "do you remember my {pet}'s name?", "what did i name my {pet}?", "what's my pet's name?",
      "what kind of pet do i have?", "who is {pet_name}?", "what's the name of my {pet}?",
      "remind me what my {pet} is called?", "what is my pet called?"};
  t[kTopicPet].recall_answer = {"your {pet} is {pet_name}.", "{pet_name}!",
      "your {pet}'s name is {pet_name}.", "you named your {pet} {pet_name}.",
      "{pet_name}, your {pet}.", "you have {a_pet} called {pet_name}.",
      "it's {pet_name}.", "{pet_name} is your {pet}.", "you told me it's {pet_name}.",
      "that would be {pet_name}."};

  t[kTopicFamily].tell = {"my {rel}'s name is {rel_name}.", "my {rel} {rel_name} is {a_rel_job}.",
      "my {rel} is called {rel_name}.", "my {rel}, {rel_name}, works as {a_rel_job}.",
      "i'm visiting my {rel} {rel_name} soon.", "{rel_name} is my {rel}.",
      "my {rel} {rel_name} just became {a_rel_job}.", "i miss my {rel} {rel_name}.",
      "my {rel} is named {rel_name} and is {a_rel_job}.", "i talked to my {rel} {rel_name} today.",
      "my {rel} {rel_name} lives nearby.", "{rel_name}, my {rel}, is {a_rel_job}.",
      "my {rel} goes by {rel_name}.", "i have a {rel} called {rel_name}.",
      "my {rel} {rel_name} is coming over later."};
  t[kTopicFamily].ask = {"tell me about your family?", "do you have any siblings?",
      "who's in your family?", "are you close to your family?", "anyone special in your life?",
      "do you have family nearby?", "who do you live with?", "who do you talk to most?",
      "tell me about someone close to you?", "is your family big or small?"};
  t[kTopicFamily].answer = {"my {rel} {rel_name} is the closest.", "there's my {rel}, {rel_name}.",
      "i'm close to my {rel} {rel_name}.", "mostly my {rel}, {rel_name}.",
      "my {rel} {rel_name}, who is {a_rel_job}.", "i live with my {rel} {rel_name}.",
      "just my {rel}, {rel_name}.", "my {rel} {rel_name} and me.", "{rel_name}, my {rel}.",
      "well, my {rel} is called {rel_name}."};
  t[kTopicFamily].ack = {"{rel_name} sounds lovely.", "your {rel} {rel_name}, nice.",
      "it's great to have a {rel} like {rel_name}.", "say hello to {rel_name} from me.",
      "{rel_name} the {rel_job}, interesting!", "family matters. {rel_name} sounds great.",
      "a {rel} named {rel_name}, noted.", "how nice that you're close to {rel_name}.",
      "{rel_name}! i'll remember that.", "your {rel} sounds wonderful."};
  t[kTopicFamily].recall = {"what's my {rel}'s name?", "what is my {rel} called?",
      "what does my {rel} do?", "do you remember my {rel}'s name?", "who is {rel_name}?",
      "what's my {rel}'s job?", "what did i say my {rel} does?", "remind me who my {rel} is?",
      "what's my {rel} named?", "what is {rel_name}'s job?"};
  t[kTopicFamily].recall_answer = {"your {rel} is {rel_name}.", "{rel_name}, your {rel}.",
      "your {rel}'s name is {rel_name}.", "{rel_name} is your {rel}.",
      "your {rel} {rel_name} is {a_rel_job}.", "{rel_name} works as {a_rel_job}.",
      "you told me your {rel} is {rel_name}.", "{rel_name}!", "your {rel}, {rel_name}.",
      "that's {rel_name}, your {rel}."};

  t[kTopicHome].tell = {"i live in {city}.", "i'm from {city}.", "i grew up in {city}.",
      "i just moved to {city}.", "home for me is {city}.", "i'm based in {city}.",
      "i've lived in {city} my whole life.", "i'm writing from {city}.", "we live in {city}.",
      "i moved to {city} last year.", "my home town is {city}.", "i'm in {city} right now.",
      "i was born in {city}.", "{city} is where i live.", "i rent a small flat in {city}."};
  t[kTopicHome].ask = {"where do you live?", "where are you from?", "where's home for you?",
      "which city are you in?", "where are you based?", "where did you grow up?",
      "where are you writing from?", "what city do you call home?", "are you a local here?",
      "whereabouts do you live?"};
  t[kTopicHome].answer = {"{city}.", "i live in {city}.", "in {city}.", "{city}, born and raised.",
      "i'm from {city}.", "i'm in {city}.", "{city}, for now.", "right now, {city}.",
      "i grew up in {city}.", "oh, {city}."};
  t[kTopicHome].ack = {"{city}! i've heard good things about it.", "oh, {city}, nice.",
      "{city} sounds like a great place.", "how's life in {city}?", "{city}, lovely.",
      "i'd love to know more about {city}.", "ah, {city}! fun.", "{city}, got it.",
      "{city} must be nice this time of year.", "living in {city} sounds exciting."};
  t[kTopicHome].recall = {"where do i live?", "what city am i in?", "where am i from?",
      "do you remember where i live?", "where did i say i live?", "what's my city?",
      "where's home for me?", "which city do i live in?", "remind me where i'm from?",
      "where did i grow up?"};
  t[kTopicHome].recall_answer = {"you live in {city}.", "{city}.", "you're in {city}.",
      "you told me {city}.", "{city}, right?", "you said you live in {city}.",
      "you're from {city}.", "in {city}.", "{city}!", "home for you is {city}."};

  t[kTopicHobby].tell = {"i love {hobby}.", "in my free time i enjoy {hobby}.",
      "my hobby is {hobby}.", "i'm really into {hobby}.", "i spend my weekends {hobby}.",
      "lately i've been into {hobby}.", "i've picked up {hobby}.", "{hobby} is my thing.",
      "i could spend all day {hobby}.", "i'm obsessed with {hobby} these days.",
      "i relax by {hobby}.", "my favorite pastime is {hobby}.", "i do a lot of {hobby}.",
      "i got into {hobby} last year.", "nothing beats {hobby} for me."};
  t[kTopicHobby].ask = {"what do you do for fun?", "any hobbies?", "what do you do in your free time?",
      "how do you spend your weekends?", "what are you into?", "what do you do to relax?",
      "got any hobbies?", "what keeps you busy outside work?", "what's your favorite pastime?",
      "do you have a hobby?"};
  t[kTopicHobby].answer = {"{hobby}, mostly.", "i love {hobby}.", "{hobby}.", "lots of {hobby}.",
      "i'm into {hobby}.", "mainly {hobby}.", "{hobby}, when i can.", "i enjoy {hobby}.",
      "probably {hobby}.", "oh, {hobby}, for sure."};
  t[kTopicHobby].ack = {"{hobby}? that's a great hobby.", "oh, {hobby} sounds fun!",
      "{hobby} is such a good way to unwind.", "i've heard {hobby} is addictive.",
      "nice, {hobby}!", "{hobby}, how fun.", "i can see why you'd love {hobby}.",
      "{hobby} sounds relaxing.", "cool, {hobby}.", "{hobby}, got it."};
  t[kTopicHobby].recall = {"what's my hobby?", "what do i do for fun?", "what am i into?",
      "do you remember my hobby?", "what did i say i do on weekends?", "what's my favorite pastime?",
      "what do i do to relax?", "what hobby did i mention?", "remind me what i do for fun?",
      "what do i like doing?"};
  t[kTopicHobby].recall_answer = {"you love {hobby}.", "{hobby}.", "your hobby is {hobby}.",
      "you're into {hobby}.", "you said {hobby}.", "{hobby}, right?", "you enjoy {hobby}.",
      "you told me you love {hobby}.", "{hobby}!", "mostly {hobby}."};

  t[kTopicFood].tell = {"my favorite food is {food}.", "i love {food}.", "i could eat {food} every day.",
      "i had {food} for dinner.", "nothing beats {food}.", "i'm craving {food}.",
      "{food} is my comfort food.", "i just made {food}.", "i'm a huge fan of {food}.",
      "my go-to meal is {food}.", "i ate so much {food} today.", "i'm cooking {food} tonight.",
      "{food} is the best food ever.", "honestly, i live on {food}.", "i never get tired of {food}."};
  t[kTopicFood].ask = {"what's your favorite food?", "what do you like to eat?",
      "what did you have for dinner?", "any favorite dishes?", "what's your comfort food?",
      "what food could you eat every day?", "what are you cooking tonight?",
      "what's your go-to meal?", "what do you crave most?", "what's the best thing you ate lately?"};
  t[kTopicFood].answer = {"{food}.", "definitely {food}.", "i love {food}.", "{food}, always.",
      "probably {food}.", "{food}, no contest.", "i'd say {food}.", "oh, {food}.",
      "{food}, for sure.", "anything with {food}."};
  t[kTopicFood].ack = {"{food} is delicious!", "mmm, {food}.", "good choice, {food} is great.",
      "{food}? yum.", "i hear {food} is wonderful.", "you can't go wrong with {food}.",
      "{food}, excellent taste.", "now i'm hungry for {food}.", "{food}, noted.",
      "{food}, nice pick."};
  t[kTopicFood].recall = {"what's my favorite food?", "what do i love to eat?",
      "what did i have for dinner?", "do you remember my favorite food?", "what's my comfort food?",
      "what food did i mention?", "what do i crave?", "what's my go-to meal?",
      "remind me what food i like?", "what did i say i could eat every day?"};
  t[kTopicFood].recall_answer = {"{food}.", "your favorite food is {food}.", "you love {food}.",
      "{food}!", "you said {food}.", "{food}, right?", "you told me {food}.",
      "it's {food}.", "you could eat {food} every day.", "{food}, if i remember right."};

  t[kTopicPlan].tell = {"this weekend i'm going to {plan}.", "tomorrow i want to {plan}.",
      "i'm planning to {plan}.", "next week i'll {plan}.", "i'm hoping to {plan} soon.",
      "on saturday i'm going to {plan}.", "tonight i might {plan}.", "my plan is to {plan}.",
      "i've decided to {plan}.", "later today i'm going to {plan}.", "i really need to {plan}.",
      "this summer i want to {plan}.", "after work i'll {plan}.", "on sunday i plan to {plan}.",
      "i promised myself i'd {plan}."};
  t[kTopicPlan].ask = {"any plans for the weekend?", "what are you up to tomorrow?",
      "what are your plans?", "doing anything fun soon?", "what's next for you?",
      "any big plans?", "what are you doing tonight?", "how will you spend your day off?",
      "anything planned for sunday?", "what's on your list this week?"};
  t[kTopicPlan].answer = {"i'm going to {plan}.", "i want to {plan}.", "probably {plan}.",
      "i'll {plan}.", "i plan to {plan}.", "i might {plan}.", "hoping to {plan}.",
      "gonna {plan}.", "i need to {plan}.", "i'd like to {plan}."};
  t[kTopicPlan].ack = {"that sounds like a great plan.", "nice, i hope you get to {plan_you}.",
      "to {plan_you}? sounds fun.", "enjoy it!", "good luck with that.",
      "i hope the weather lets you {plan_you}.", "what a nice way to spend the day.",
      "that sounds lovely.", "have fun!", "that's a good plan."};
  t[kTopicPlan].recall = {"what are my plans?", "what did i say i'm doing this weekend?",
      "what am i doing tomorrow?", "do you remember my plans?", "what's my plan?",
      "what was i going to do?", "what did i say i'd do?", "remind me of my plans?",
      "what am i up to later?", "what did i plan to do?"};
  t[kTopicPlan].recall_answer = {"you're going to {plan_you}.", "you want to {plan_you}.",
      "you said you'd {plan_you}.", "to {plan_you}.", "you plan to {plan_you}.",
      "you told me you want to {plan_you}.", "you're hoping to {plan_you}.",
      "your plan is to {plan_you}.", "you mentioned you'd {plan_you}.", "{plan_you}, right?"};

  t[kTopicFeeling].tell = {"i'm feeling {feeling} today.", "i feel {feeling}.",
      "honestly, i'm a bit {feeling}.", "today i'm {feeling}.", "i'm so {feeling} right now.",
      "i've been {feeling} all day.", "i feel kind of {feeling}.", "i'm pretty {feeling} tonight.",
      "ugh, i'm {feeling}.", "i woke up {feeling}.", "i'm really {feeling} this week.",
      "to be honest i feel {feeling}.", "i'm {feeling}, i think.", "mostly i feel {feeling}.",
      "i'm a little {feeling} today."};
  t[kTopicFeeling].ask = {"how are you feeling?", "how's your mood today?", "how are you doing, really?",
      "how do you feel today?", "what's your mood like?", "are you doing okay?",
      "how has your day been?", "how are things with you?", "how are you holding up?",
      "how's your week going?"};
  t[kTopicFeeling].answer = {"{feeling}.", "pretty {feeling}.", "i'm {feeling}.", "a bit {feeling}.",
      "kind of {feeling}.", "{feeling}, honestly.", "mostly {feeling}.", "i feel {feeling}.",
      "really {feeling}.", "{feeling}, to be honest."};
  t[kTopicFeeling].ack = {"thanks for telling me you feel {feeling}.", "{feeling}, i see.",
      "i hear you. feeling {feeling} happens.", "okay, {feeling}. i'm here if you want to talk.",
      "feeling {feeling} is completely normal.", "got it, {feeling} today.",
      "i appreciate you sharing that.", "{feeling}? tell me more.", "that makes sense.",
      "i understand feeling {feeling}."};
  t[kTopicFeeling].recall = {"how did i say i was feeling?", "how am i feeling today?",
      "do you remember my mood?", "what mood am i in?", "how did i feel earlier?",
      "what did i tell you about my mood?", "how was i feeling?", "what's my mood today?",
      "remind me how i feel?", "how did i describe my day?"};
  t[kTopicFeeling].recall_answer = {"you said you were feeling {feeling}.", "{feeling}.",
      "you told me you feel {feeling}.", "you're feeling {feeling}.", "{feeling}, you said.",
      "you said {feeling}.", "a bit {feeling}.", "you were {feeling} earlier.",
      "you mentioned feeling {feeling}.", "{feeling}, right?"};

  t[kTopicWeather].tell = {"it's so {weather} here today.", "the weather is {weather}.",
      "it's {weather} outside.", "ugh, it's {weather} again.", "it's really {weather} today.",
      "we're having a {weather} day.", "it's been {weather} all week.", "the sky looks {weather}.",
      "outside it's {weather}.", "it turned {weather} this afternoon.", "it's a {weather} morning.",
      "it's {weather} and i love it.", "today is {weather}.", "the forecast says {weather}.",
      "it's quite {weather} here."};
  t[kTopicWeather].ask = {"how's the weather there?", "what's the weather like?", "is it nice out?",
      "how's the weather today?", "what's it like outside?", "nice day where you are?",
      "what's the sky doing?", "is it raining where you are?", "how's the weather treating you?",
      "good weather today?"};
  t[kTopicWeather].answer = {"{weather}.", "pretty {weather}.", "it's {weather}.", "very {weather}.",
      "{weather}, as usual.", "kind of {weather}.", "it's {weather} today.", "really {weather}.",
      "a bit {weather}.", "{weather} all day."};
  t[kTopicWeather].ack = {"{weather}! stay comfortable.", "a {weather} day, nice to know.",
      "{weather} weather can be lovely.", "hope the {weather} weather doesn't spoil your day.",
      "{weather}, huh.", "ah, {weather}. good tea weather.", "{weather} days have their charm.",
      "ooh, {weather}.", "{weather} weather, noted.", "sounds {weather}!"};
  t[kTopicWeather].recall = {"what's the weather like here?", "what did i say the weather was?",
      "how's the weather where i am?", "do you remember the weather here?",
      "what's it like outside my window?", "what did i tell you about the weather?",
      "is it nice where i am?", "what was the weather today?", "remind me of the weather?",
      "what weather did i mention?"};
  t[kTopicWeather].recall_answer = {"you said it's {weather}.", "{weather}.",
      "it's {weather} where you are.", "you told me it's {weather}.", "{weather}, you said.",
      "{weather} today.", "it's {weather} there.", "you mentioned {weather} weather.",
      "{weather}, right?", "pretty {weather}, you said."};

  t[kTopicDrink].tell = {"i drink {drink} every morning.", "i love {drink}.",
      "my favorite drink is {drink}.", "i can't start the day without {drink}.",
      "i'm sipping {drink} right now.", "i'm having some {drink}.", "{drink} is my favorite.",
      "i'd drink {drink} all day.", "i just made a cup of {drink}.", "i'm hooked on {drink}."};
  t[kTopicDrink].ask = {"what's your favorite drink?", "coffee or tea?", "what do you drink in the morning?",
      "what are you drinking?", "any favorite drinks?", "what's in your cup?",
      "what do you drink to wake up?", "what's your go-to drink?", "thirsty? what are you having?",
      "what do you like to drink?"};
  t[kTopicDrink].answer = {"{drink}.", "definitely {drink}.", "i love {drink}.", "{drink}, always.",
      "probably {drink}.", "a big cup of {drink}.", "{drink}, please.", "mostly {drink}.",
      "oh, {drink}.", "{drink}, every day."};
  t[kTopicDrink].ack = {"{drink}, good choice.", "ah, {drink}!", "{drink} is lovely.",
      "you can't beat {drink}.", "{drink}, nice.", "enjoy your {drink}.", "{drink}, noted.",
      "mmm, {drink}.", "{drink} sounds perfect.", "a fan of {drink}, i see."};
  t[kTopicDrink].recall = {"what's my favorite drink?", "what do i drink in the morning?",
      "what am i drinking?", "do you remember my favorite drink?", "what do i love to drink?",
      "what drink did i mention?", "remind me what i drink?", "what's my go-to drink?"};
  t[kTopicDrink].recall_answer = {"{drink}.", "you love {drink}.", "your favorite drink is {drink}.",
      "{drink}!", "you said {drink}.", "{drink}, right?", "you told me {drink}.",
      "it's {drink}."};

  t[kTopicColor].tell = {"my favorite color is {color}.", "i love the color {color}.",
      "{color} is my favorite color.", "i painted my room {color}.", "everything i own is {color}.",
      "i always pick {color}.", "i'm wearing {color} today.", "i just bought a {color} jacket.",
      "my car is {color}.", "i like {color} best."};
  t[kTopicColor].ask = {"what's your favorite color?", "do you have a favorite color?",
      "which color do you like best?", "what color is your room?", "what color do you wear most?",
      "what color would you pick?", "any color you love?", "favorite color?"};
  t[kTopicColor].answer = {"{color}.", "definitely {color}.", "i love {color}.", "{color}, always.",
      "probably {color}.", "{color}, i think.", "oh, {color}.", "{color}, no question."};
  t[kTopicColor].ack = {"{color} is a great color.", "{color}, nice choice.", "ooh, {color}!",
      "{color} suits you, i bet.", "{color}, noted.", "i like {color} too.",
      "{color}, lovely.", "good taste, {color}."};
  t[kTopicColor].recall = {"what's my favorite color?", "what color do i like?",
      "do you remember my favorite color?", "which color did i say?", "what color is my favorite?",
      "remind me of my favorite color?", "what's the color i love?", "what color did i mention?"};
  t[kTopicColor].recall_answer = {"{color}.", "your favorite color is {color}.", "you love {color}.",
      "{color}!", "you said {color}.", "{color}, right?", "you told me {color}.", "it's {color}."};
  // Follow-ups are "question|answer" pairs so the answer always fits the question.
  t[kTopicName].followup = {"how old are you, {name}?|i'm {age}.",
      "is {name} a family name?|yes, my grandma was {name} too.",
      "do you like the name {name}?|i do, most of the time.",
      "who named you {name}?|my parents liked how it sounded.",
      "do you have a nickname, {name}?|nope, just {name}.",
      "how old are you, if you don't mind me asking?|i just turned {age}."};
  t[kTopicJob].followup = {"how long have you been {a_job}?|about {years} years now.",
      "do you enjoy being {a_job}?|i love it most days.",
      "what's the hardest part of being {a_job}?|the long hours, honestly.",
      "how did you become {a_job}?|i studied for it after school.",
      "what's a normal day like for {a_job}?|busy, and every day is different.",
      "how many years have you worked as {a_job}?|almost {years} years."};
  t[kTopicPet].followup = {"how old is {pet_name}?|{pet_name} is {num} years old.",
      "how long have you had {pet_name}?|about {num} years.",
      "what's {pet_name} like?|very playful, and always hungry.",
      "where did you get {pet_name}?|we got {pet_name} from a shelter.",
      "is {pet_name} friendly with strangers?|super friendly, almost too friendly.",
      "does {pet_name} have any funny habits?|{pet_name} hides under the bed when it rains."};
  t[kTopicFamily].followup = {"what does {rel_name} do?|{rel_name} is {a_rel_job}.",
      "where does {rel_name} live?|not far from me, luckily.",
      "how often do you see {rel_name}?|every other weekend or so.",
      "what's {rel_name} like?|funny and very stubborn.",
      "what does your {rel} do for work?|{rel_name} works as {a_rel_job}.",
      "are you and {rel_name} alike?|we're nothing alike, honestly."};
  t[kTopicHome].followup = {"how long have you lived in {city}?|about {years} years.",
      "do you like living in {city}?|i love it.",
      "what's the best thing about {city}?|the people, for sure.",
      "what's the food like in {city}?|the food is amazing.",
      "is {city} big or small?|it's smaller than you'd think.",
      "would you ever leave {city}?|maybe one day, but not soon."};
  t[kTopicHobby].followup = {"how did you get into {hobby}?|a friend got me into it.",
      "how often do you find time for {hobby}?|a few times a week.",
      "what do you like most about {hobby}?|it clears my head.",
      "is {hobby} hard to learn?|it takes a while, but it's worth it.",
      "do you do it with friends?|mostly alone, sometimes with friends.",
      "how long have you been into {hobby}?|about {years} years."};
  t[kTopicFood].followup = {"do you make {food} yourself?|sometimes, when i have time.",
      "where do you get the best {food}?|a little place near my home.",
      "how often do you eat {food}?|at least once a week.",
      "what's the secret to good {food}?|fresh ingredients, i think.",
      "when did you first try {food}?|as a kid, at my grandma's.",
      "do you have a favorite place for {food}?|there's a great spot downtown."};
  t[kTopicPlan].followup = {"who are you going with?|with a couple of friends.",
      "have you done that before?|once, a long time ago.",
      "what made you decide that?|i just felt like it.",
      "how long will it take?|most of the day.",
      "are you excited?|very excited!",
      "do you need anything for it?|maybe some snacks."};
  t[kTopicFeeling].followup = {"what made you feel {feeling}?|just a long week.",
      "has anything happened today?|not really, it just happens.",
      "is it the week catching up with you?|yeah, work mostly.",
      "do you know why?|i didn't sleep much.",
      "how long have you felt {feeling}?|since this morning.",
      "is there anything that would help?|a walk might help."};
  t[kTopicWeather].followup = {"do you like {weather} days?|i don't mind them.",
      "is it usually like that there?|pretty often, yes.",
      "will you go outside today?|maybe for a walk.",
      "what do you do on days like that?|stay in and read.",
      "does it change fast there?|it changes every hour.",
      "is that normal for this time of year?|not really, it's unusual."};
  t[kTopicDrink].followup = {"how do you take it?|plain, nothing added.",
      "how many cups a day?|two or three cups.", "hot or cold?|hot, always.",
      "do you make it yourself?|i make it myself, yes.",
      "when did you start drinking {drink}?|since school, i think.",
      "what goes best with {drink}?|a good book."};
  t[kTopicColor].followup = {"why {color}?|it just makes me happy.",
      "do you wear a lot of {color}?|more than i should.",
      "have you always liked {color}?|since i was a kid.",
      "what does {color} remind you of?|it reminds me of home.",
      "is your room {color} too?|not yet, but soon."};
  return t;
}

}  // namespace brainhost::regions
