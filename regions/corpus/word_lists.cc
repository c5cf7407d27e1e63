// The curated lists behind word_lists.h. Values avoid the function words the phrasings use
// ("will", "may") so a held-out value never appears inside a training phrasing.
#include "corpus/word_lists.h"

namespace brainhost::regions {

std::vector<std::string> CuratedFirstNames() {
  return {
      "Gary", "Anna", "Tomás", "José", "Zoë", "Søren", "Björn", "Chloé", "François", "Renée",
      "Wei", "Aiko", "Priya", "Mateo", "Lucía", "Sofía", "Ingrid", "Olga", "Dmitri", "Yusuf",
      "Fatima", "Amara", "Kwame", "Chidi", "Nia", "Hiroshi", "Yuki", "Haruto", "Mei", "Jin",
      "Min-jun", "Seo-yeon", "Arjun", "Ananya", "Rohan", "Isha", "Omar", "Layla", "Hassan",
      "Noor", "Liam", "Olivia", "Noah", "Emma", "Oliver", "Ava", "Elijah", "Charlotte", "James",
      "Amelia", "Benjamin", "Harper", "Lucas", "Evelyn", "Henry", "Abigail", "Alexander",
      "Emily", "Daniel", "Elizabeth", "Michael", "Sofia", "Ethan", "Avery", "Jacob", "Ella",
      "Logan", "Scarlett", "Jackson", "Grace", "Sebastian", "Chloe", "Jack", "Victoria", "Aiden",
      "Riley", "Owen", "Aria", "Samuel", "Lily", "Matthew", "Aubrey", "Joseph", "Zoey", "Levi",
      "Penelope", "David", "Lillian", "John", "Addison", "Wyatt", "Layne", "Carter", "Natalie",
      "Julian", "Hannah", "Luke", "Brooklyn", "Gabriel", "Leah", "Isaac", "Savannah", "Lincoln",
      "Audrey", "Anthony", "Claire", "Hudson", "Skylar", "Dylan", "Lucy", "Ezra", "Paisley",
      "Thomas", "Everly", "Charles", "Caroline", "Christopher", "Nova", "Jaxon", "Genesis",
      "Maverick", "Emilia", "Josiah", "Kennedy", "Isaiah", "Samantha", "Andrew", "Maya",
      "Elias", "Willow", "Joshua", "Kinsley", "Nathan", "Naomi", "Caleb", "Aaliyah", "Ryan",
      "Elena", "Adrian", "Sarah", "Miles", "Ariana", "Eli", "Allison", "Nolan", "Gabriella",
      "Christian", "Alice", "Aaron", "Madelyn", "Cameron", "Cora", "Ezekiel", "Ruby", "Colton",
      "Eva", "Luca", "Serenity", "Landon", "Autumn", "Hunter", "Adeline", "Jonathan", "Hailey",
      "Santiago", "Gianna", "Axel", "Valentina", "Easton", "Isla", "Cooper", "Eliana",
      "Jeremiah", "Quinn", "Angel", "Nevaeh", "Roman", "Ivy", "Connor", "Sadie", "Jameson",
      "Piper", "Robert", "Lydia", "Greyson", "Alexa", "Jordan", "Josephine", "Ian", "Emery",
      "Carson", "Julia", "Jaxson", "Delilah", "Leonardo", "Arianna", "Nicholas", "Vivian",
      "Dominic", "Kaylee", "Austin", "Sophie", "Everett", "Brielle", "Brooks", "Madeline",
      "Xavier", "Peyton", "Kai", "Rylee", "Jose", "Clara", "Parker", "Hadley", "Adam", "Melanie",
      "Jace", "Mackenzie", "Wesley", "Reagan", "Kayden", "Adalynn", "Silas", "Liliana",
      "Bennett", "Aubree", "Declan", "Jade", "Waylon", "Katherine", "Weston", "Isabelle",
      "Evan", "Natalia", "Emmett", "Raelynn", "Micah", "Maria", "Ryder", "Athena", "Beau",
      "Ximena", "Damian", "Arya", "Harrison", "Leilani", "Mohammed", "Ahmed", "Aisha",
      "Khadija", "Ali", "Zainab", "Mustafa", "Leila", "Reza", "Darius", "Nasrin", "Giulia",
      "Marco", "Francesca", "Matteo", "Chiara", "Lorenzo", "Alessia", "Pierre", "Camille",
      "Étienne", "Hélène", "Léa", "Mathis", "Inès", "Jürgen", "Lukas", "Mia", "Felix", "Greta",
      "Ñuria", "Joaquín", "Inés", "Álvaro", "Iñigo", "Malgorzata", "Łukasz", "Zofia", "Wojciech",
      "Agnieszka", "Ivan", "Natasha", "Sergei", "Anastasia", "Katya", "Nikolai", "Astrid",
      "Freya", "Sven", "Lars", "Sigrid", "Nils", "Oskar", "Elin", "Ayşe", "Mehmet", "Emre",
      "Elif", "Thabo", "Zanele", "Sipho", "Ngozi", "Emeka", "Adaeze", "Kofi", "Ama", "Tariq",
      "Samira", "Ravi", "Deepa", "Vikram", "Lakshmi", "Kiran", "Sanjay", "Meera", "Chen",
      "Xiao", "Li Na", "Jun", "Tao", "Ling", "Sakura", "Ren", "Kenji", "Hana", "Sora", "Daiki",
      "Thanh", "Linh", "Minh", "Anh", "Siosaia", "Moana", "Tane", "Aroha", "Keanu", "Leilani",
      "Bruno", "Rafael", "Beatriz", "João", "Gonçalo", "Conceição", "Mariana", "Thiago",
      "Camila", "Valeria", "Diego", "Alejandro", "Catalina", "Emilio", "Paloma", "Ramón",
      "Dolores", "Pilar", "Gareth", "Garrett", "Siobhan", "Niamh", "Ciarán", "Aoife", "Eoin",
      "Saoirse", "Rhys", "Megan", "Dafydd", "Ffion", "Callum", "Isla", "Fraser", "Morag",
      "Ines", "Wren", "Juniper", "Rowan", "Sage", "Hazel", "Jasper", "Felicity", "Otis",
      "Mabel", "Rufus", "Edith", "Archie", "Florence", "Alfie", "Beatrice", "Percy", "Winifred",
      "Stanley", "Dorothy", "Harold", "Margaret", "Walter", "Gladys", "Frank", "Irene", "Eugene",
      "Bernice", "Clarence", "Mildred", "Herbert", "Agnes", "Leonard", "Ethel", "Raymond",
      "Doris", "Gordon", "Phyllis", "Norman", "Shirley", "Dennis", "Brenda", "Keith", "Sandra",
      "Trevor", "Wendy", "Colin", "Gail", "Nigel", "Tracy", "Darren", "Kelly", "Shane", "Stacy",
      "Владимир", "Мария", "Андрей", "Елена", "张伟", "王芳", "李娜", "さくら", "ゆうき", "지민",
      "서연", "अर्जुन", "प्रिया", "محمد", "فاطمة", "Νίκος", "Ελένη"};
}

std::vector<std::string> CuratedJobs() {
  return {
      "nurse", "teacher", "software engineer", "electrician", "plumber", "carpenter", "chef",
      "baker", "barista", "waiter", "bartender", "librarian", "pharmacist", "dentist",
      "doctor", "surgeon", "paramedic", "firefighter", "police officer", "lawyer", "judge",
      "accountant", "bookkeeper", "bank teller", "cashier", "architect", "civil engineer",
      "mechanical engineer", "data scientist", "web developer", "graphic designer",
      "photographer", "journalist", "editor", "translator", "interpreter", "tour guide",
      "pilot", "flight attendant", "bus driver", "truck driver", "taxi driver", "mail carrier",
      "farmer", "gardener", "florist", "veterinarian", "zookeeper", "dog groomer", "biologist",
      "chemist", "physicist", "astronomer", "geologist", "historian", "archaeologist",
      "professor", "lecturer", "researcher", "lab technician", "radiographer",
      "physiotherapist", "midwife", "psychologist", "counselor", "social worker",
      "hairdresser", "barber", "tailor", "fashion designer", "shoemaker", "jeweler",
      "painter", "sculptor", "musician", "violinist", "pianist", "drummer", "singer", "actor",
      "dancer", "film director", "animator", "game developer", "sound engineer",
      "project manager", "product manager", "sales manager", "shop assistant", "real estate agent",
      "insurance broker", "economist", "statistician", "mathematician", "actuary",
      "plasterer", "roofer", "welder", "machinist", "mechanic", "locksmith", "glazier",
      "tiler", "bricklayer", "cleaner", "security guard", "receptionist", "secretary",
      "office manager", "nanny", "childminder", "caregiver", "optician", "pediatrician",
      "optometrist", "sommelier", "brewer", "butcher", "fishmonger", "potter", "bookbinder",
      "copywriter", "novelist", "poet", "illustrator", "cartographer", "surveyor", "diver",
      "ski instructor", "yoga teacher", "personal trainer", "football coach", "referee",
      "park ranger", "beekeeper", "winemaker", "ship captain", "sailor", "soldier", "diplomat",
      "nutritionist", "speech therapist", "occupational therapist", "court reporter",
      "air traffic controller", "train conductor", "crane operator", "forklift driver",
      "warehouse worker", "delivery driver", "courier", "event planner", "wedding planner",
      "interior designer", "landscape architect", "urban planner", "museum curator",
      "archivist", "systems administrator", "network engineer", "security analyst",
      "robotics engineer", "nurse practitioner", "dental hygienist", "anesthesiologist",
      "marine biologist", "climate scientist", "pastry chef", "line cook", "dishwasher",
      "stage manager", "puppeteer", "magician", "clown", "street artist", "tattoo artist"};
}

std::vector<std::string> CuratedFoods() {
  return {
      "pizza", "pasta", "sushi", "ramen", "tacos", "burritos", "curry", "pad thai", "pho",
      "dumplings", "paella", "lasagna", "risotto", "gnocchi", "falafel", "hummus", "shawarma",
      "kebabs", "biryani", "dal", "samosas", "naan", "bibimbap", "kimchi", "bulgogi", "tempura",
      "udon", "soba", "okonomiyaki", "dim sum", "fried rice", "spring rolls", "laksa",
      "rendang", "satay", "goulash", "pierogi", "borscht", "schnitzel", "pretzels", "sauerkraut",
      "fish and chips", "shepherd's pie", "roast chicken", "steak", "burgers", "hot dogs",
      "pancakes", "waffles", "crêpes", "croissants", "bagels", "porridge", "granola", "omelettes",
      "scrambled eggs", "avocado toast", "grilled cheese", "tomato soup", "minestrone",
      "gazpacho", "ceviche", "empanadas", "arepas", "feijoada", "moussaka", "souvlaki",
      "tzatziki", "baklava", "tiramisu", "cheesecake", "brownies", "apple pie", "ice cream",
      "gelato", "chocolate", "strawberries", "mangoes", "bananas", "peaches", "cherries",
      "watermelon", "blueberries", "salad", "coleslaw", "mac and cheese", "nachos",
      "quesadillas", "enchiladas", "chili", "jambalaya", "gumbo", "cornbread", "meatballs",
      "lentil soup", "mushroom soup", "stir fry", "tofu", "tempeh", "couscous", "tagine",
      "jollof rice", "injera", "bobotie", "poutine", "pierogies", "churros", "flan",
      "macarons", "éclairs", "pastéis de nata", "mochi", "onigiri", "katsu curry", "poke bowls",
      "lobster", "oysters", "mussels", "salmon", "tuna", "sardines", "grilled vegetables",
      "roast potatoes", "french fries", "sweet potatoes", "corn on the cob", "popcorn",
      "peanut butter", "banana bread", "carrot cake", "lemon tart", "rice pudding",
      "spaghetti", "carbonara", "pesto", "focaccia", "sourdough", "cinnamon rolls", "donuts"};
}

std::vector<std::string> CuratedCities() {
  return {
      "Lisbon", "Porto", "Madrid", "Barcelona", "Seville", "Valencia", "Paris", "Lyon",
      "Marseille", "Nice", "Bordeaux", "Brussels", "Antwerp", "Amsterdam", "Rotterdam",
      "Utrecht", "Berlin", "Hamburg", "Munich", "Cologne", "Frankfurt", "Leipzig", "Dresden",
      "Vienna", "Salzburg", "Zürich", "Geneva", "Basel", "Bern", "Milan", "Rome", "Naples",
      "Turin", "Florence", "Venice", "Bologna", "Palermo", "Athens", "Thessaloniki", "Istanbul",
      "Ankara", "Izmir", "Prague", "Brno", "Kraków", "Warsaw", "Gdańsk", "Wrocław", "Budapest",
      "Bratislava", "Ljubljana", "Zagreb", "Belgrade", "Sofia", "Bucharest", "Kyiv", "Lviv",
      "Vilnius", "Riga", "Tallinn", "Helsinki", "Stockholm", "Gothenburg", "Malmö", "Oslo",
      "Bergen", "Copenhagen", "Aarhus", "Reykjavík", "Dublin", "Cork", "Galway", "London",
      "Manchester", "Liverpool", "Leeds", "Bristol", "Glasgow", "Edinburgh", "Cardiff",
      "Belfast", "New York", "Boston", "Chicago", "Seattle", "Portland", "San Francisco",
      "Los Angeles", "San Diego", "Denver", "Austin", "Houston", "Dallas", "Atlanta", "Miami",
      "New Orleans", "Nashville", "Detroit", "Minneapolis", "Philadelphia", "Pittsburgh",
      "Toronto", "Montréal", "Vancouver", "Calgary", "Ottawa", "Québec City", "Mexico City",
      "Guadalajara", "Monterrey", "Bogotá", "Medellín", "Lima", "Quito", "Santiago",
      "Buenos Aires", "Córdoba", "Montevideo", "São Paulo", "Rio de Janeiro", "Brasília",
      "Salvador", "Havana", "San Juan", "Cairo", "Alexandria", "Marrakesh", "Casablanca",
      "Tunis", "Lagos", "Abuja", "Accra", "Nairobi", "Mombasa", "Addis Ababa", "Kampala",
      "Kigali", "Dar es Salaam", "Cape Town", "Johannesburg", "Durban", "Tel Aviv", "Amman",
      "Beirut", "Dubai", "Doha", "Tehran", "Karachi", "Lahore", "Delhi", "Mumbai", "Bangalore",
      "Chennai", "Kolkata", "Hyderabad", "Kathmandu", "Colombo", "Dhaka", "Bangkok",
      "Chiang Mai", "Hanoi", "Ho Chi Minh City", "Phnom Penh", "Kuala Lumpur", "Singapore",
      "Jakarta", "Bali", "Manila", "Cebu", "Hong Kong", "Taipei", "Shanghai", "Beijing",
      "Shenzhen", "Chengdu", "Seoul", "Busan", "Tokyo", "Osaka", "Kyoto", "Sapporo", "Fukuoka",
      "Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Auckland", "Wellington",
      "Christchurch", "北京", "東京", "서울", "Москва"};
}

std::vector<std::string> CuratedHobbies() {
  return {
      "hiking", "running", "swimming", "cycling", "rock climbing", "bouldering", "surfing",
      "skiing", "snowboarding", "skateboarding", "kayaking", "sailing", "fishing", "camping",
      "bird watching", "gardening", "baking", "cooking", "knitting", "crocheting", "sewing",
      "quilting", "embroidery", "pottery", "woodworking", "painting", "drawing", "sketching",
      "calligraphy", "photography", "journaling", "writing poetry", "reading novels",
      "playing chess", "playing guitar", "playing the piano", "playing the violin",
      "playing drums", "singing in a choir", "dancing salsa", "ballet", "tap dancing",
      "yoga", "pilates", "meditation", "martial arts", "boxing", "fencing", "archery",
      "playing tennis", "playing badminton", "playing basketball", "playing football",
      "playing volleyball", "playing golf", "bowling", "table tennis", "board games",
      "video games", "jigsaw puzzles", "crosswords", "sudoku", "origami", "stamp collecting",
      "coin collecting", "collecting vinyl records", "astronomy", "stargazing", "geocaching",
      "learning languages", "volunteering", "baking bread", "brewing beer", "making cheese",
      "growing tomatoes", "keeping bees", "restoring old cars", "building model trains",
      "flying drones", "birding", "trail running", "horse riding", "ice skating", "roller skating",
      "scuba diving", "snorkeling", "paddleboarding", "windsurfing", "parkour", "juggling",
      "magic tricks", "stand-up comedy", "improv theater", "podcasting", "blogging",
      "coding side projects", "3D printing", "robotics", "genealogy", "thrift shopping",
      "upcycling furniture", "candle making", "soap making", "watercolors", "film photography"};
}

std::vector<std::string> CuratedPetKinds() {
  return {"dog", "cat", "puppy", "kitten", "parrot", "budgie", "rabbit", "hamster",
          "guinea pig", "turtle", "tortoise", "goldfish", "gecko", "iguana", "snake", "ferret",
          "chinchilla", "hedgehog", "rat", "mouse", "horse", "pony", "goat", "chicken", "duck",
          "canary", "cockatiel", "axolotl", "bearded dragon", "tarantula", "pig", "donkey"};
}

std::vector<std::string> CuratedPetNames() {
  return {"Buddy", "Mochi", "Biscuit", "Pepper", "Luna", "Max", "Bella", "Charlie", "Coco",
          "Daisy", "Milo", "Lucky", "Rocky", "Simba", "Nala", "Oreo", "Peanut", "Pickles",
          "Noodle", "Waffles", "Muffin", "Cookie", "Ginger", "Shadow", "Smokey", "Tiger",
          "Bear", "Duke", "Zeus", "Apollo", "Thor", "Loki", "Pumpkin", "Sprout", "Bean",
          "Tofu", "Sushi", "Nacho", "Taco", "Bubbles", "Fluffy", "Whiskers", "Socks", "Boots",
          "Mittens", "Patches", "Sparky", "Ziggy", "Gizmo", "Kiwi", "Mango", "Olive", "Pixel",
          "Bandit", "Scout", "Rusty", "Maple", "Hazelnut", "Pretzel", "Dumpling", "Chewie",
          "Yoda", "Frodo", "Gandalf", "Sherlock", "Watson", "Einstein", "Newton", "Darwin",
          "Cleo", "Zelda", "Misty", "Poppy", "Rosie", "Teddy", "Winston", "Murphy", "Jasper",
          "Marble", "Clover", "Toffee", "Fudge", "Caramel", "Butterscotch", "Nugget", "Pebbles",
          "Sunny", "Stormy", "Blue", "Ruby", "Jade", "Onyx", "Ember", "Comet", "Rocket", "Bolt"};
}

std::vector<std::string> CuratedRelatives() {
  return {"sister", "brother", "mom", "dad", "mother", "father", "cousin", "aunt", "uncle",
          "grandma", "grandpa", "grandmother", "grandfather", "son", "daughter", "wife",
          "husband", "partner", "niece", "nephew", "stepdad", "stepmom", "best friend",
          "roommate", "neighbor", "girlfriend", "boyfriend", "fiancé", "fiancée", "twin"};
}

std::vector<std::string> CuratedFeelings() {
  return {"happy", "tired", "excited", "nervous", "anxious", "calm", "relaxed", "stressed",
          "bored", "curious", "grateful", "hopeful", "lonely", "proud", "sleepy", "energetic",
          "cheerful", "grumpy", "overwhelmed", "content", "restless", "motivated", "homesick",
          "optimistic", "frustrated", "thrilled", "exhausted", "peaceful", "inspired", "sad",
          "glad", "worried", "confident", "confused", "relieved", "annoyed", "hungry",
          "sore", "focused", "distracted"};
}

std::vector<std::string> CuratedWeather() {
  return {"sunny", "rainy", "cloudy", "windy", "foggy", "snowy", "stormy", "humid", "freezing",
          "chilly", "warm", "hot", "mild", "drizzly", "overcast", "breezy", "misty", "icy",
          "muggy", "scorching", "gloomy", "clear", "grey", "showery", "frosty", "sweltering",
          "blustery", "hazy", "sleety", "bright"};
}

std::vector<std::string> CuratedPlans() {
  return {"visit my parents", "go hiking", "see a movie", "bake a cake", "paint the kitchen",
          "clean the garage", "go to the beach", "read a book", "try a new restaurant",
          "go camping", "visit a museum", "go to a concert", "learn to code", "start a garden",
          "plant some herbs", "go for a long run", "have a picnic", "take a road trip",
          "go skiing", "fix my bike", "repaint the fence", "throw a party", "cook dinner for friends",
          "study for an exam", "finish a puzzle", "go to the farmers market", "visit my grandma",
          "walk along the river", "go swimming", "catch up on sleep", "write some letters",
          "sort out my closet", "go to the zoo", "visit the aquarium", "watch the sunrise",
          "go to a wedding", "attend a workshop", "go to the gym", "take a pottery class",
          "go fishing", "go kayaking", "volunteer at the shelter", "host a game night",
          "go dancing", "rearrange the living room", "binge a new series", "go to the library",
          "make homemade pasta", "go stargazing", "take the train to the coast", "climb a hill",
          "call my sister", "bake bread", "build a bookshelf", "learn a new song",
          "go thrift shopping", "visit an old friend", "run a half marathon", "go to the theater",
          "try rock climbing"};
}

std::vector<std::string> CuratedDrinks() {
  return {"coffee", "green tea", "black tea", "chai", "hot chocolate", "lemonade",
          "orange juice", "apple juice", "sparkling water", "iced tea", "matcha", "espresso",
          "cappuccino", "latte", "mint tea", "chamomile tea", "kombucha", "smoothies",
          "milkshakes", "ginger beer", "mate", "horchata", "lassi", "coconut water"};
}

std::vector<std::string> CuratedColors() {
  return {"red", "blue", "green", "yellow", "purple", "orange", "pink", "teal", "turquoise",
          "navy", "maroon", "lavender", "mint green", "coral", "gold", "silver", "black",
          "white", "beige", "olive", "crimson", "indigo", "violet", "peach"};
}

std::vector<std::string> NameSyllables() {
  return {"ka", "mi", "lo", "ren", "ta", "vi", "sa", "dor", "el", "an", "ri", "no", "bel",
          "tho", "ju", "ma", "zen", "li", "ra", "co", "da", "fen", "gra", "hal", "is", "jo",
          "kel", "lu", "mar", "nes", "or", "pa", "quin", "ro", "sel", "tan", "ul", "ver", "wyn",
          "ya", "zo", "bri", "cas", "dee", "fi", "gal", "ho", "ilo", "kai", "len"};
}

std::vector<std::string> PlaceSuffixes() {
  return {"ton", "ville", "burg", "field", "port", "haven", "ford", "wick", "stead", "mouth",
          "dale", "moor", " Bay", " Falls", " Springs", " Hills"};
}

}  // namespace brainhost::regions
